#!/bin/sh
# The container never starts the embedded PostgreSQL: it serves the database named by DATABASE_URL.
if [ -z "${DATABASE_URL}" ]; then
  echo "flowmap: DATABASE_URL is required in the container (postgres://user:password@host:5432/database)" >&2
  exit 2
fi
exec node "$(dirname "$0")/../dist/main.js" "$@"
