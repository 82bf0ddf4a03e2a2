import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLHttpClient } from '../bench/http-load';

/** Keeps this process's event loop busy, as the bench's in-process phases do between requests. */
function blockEventLoop(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // busy on purpose
  }
}

/**
 * A server in another process (it must act while this process is blocked) that answers each
 * request as a keep-alive response and closes the connection 100 ms later without saying so,
 * as an HTTP server does when its keep-alive timeout expires; it answers `{"requests": n}`.
 */
const SERVER = `
const net = require('node:net');
let requests = 0;
const server = net.createServer((socket) => {
  let closing = false;
  socket.on('error', () => undefined);
  socket.on('data', (chunk) => {
    if (closing || !chunk.toString().includes('\\r\\n\\r\\n')) return;
    requests += 1;
    const body = JSON.stringify({ requests });
    socket.write('HTTP/1.1 200 OK\\r\\nContent-Type: application/json\\r\\nContent-Length: ' + body.length + '\\r\\n\\r\\n' + body);
    closing = true;
    setTimeout(() => socket.end(), 100);
  });
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

describe("the bench's HTTP client", () => {
  let child: ChildProcess;
  let url: string;

  beforeAll(async () => {
    child = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [port] = (await once(child.stdout!, 'data')) as [Buffer];
    url = `http://127.0.0.1:${port.toString().trim()}/graphql`;
  });

  afterAll(() => {
    child.kill();
  });

  it('sends a request again when the kept-alive socket it was written on had been closed by the server', async () => {
    const client = new GraphQLHttpClient(url, 'token', 1);
    try {
      expect(JSON.parse((await client.post('{ me { role } }')).body)).toEqual({ requests: 1 });
      blockEventLoop(400);
      const again = await client.post('{ me { role } }');
      expect(again.status).toBe(200);
      expect(JSON.parse(again.body)).toEqual({ requests: 2 });
    } finally {
      client.close();
    }
  });
});
