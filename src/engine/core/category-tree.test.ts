import { describe, expect, it } from 'vitest';
import { carriedCategories, includesCategory } from './category-tree';
import { indexSnapshot } from './snapshot-index';
import { makeCategory, makeSnapshot } from '../test-factories';

const index = indexSnapshot(
  makeSnapshot({
    categories: [
      makeCategory({ key: 'contact' }),
      makeCategory({ key: 'contact.email', parentId: 'contact' }),
      makeCategory({ key: 'contact.email.work', parentId: 'contact.email' }),
      makeCategory({ key: 'contact.phone', parentId: 'contact' }),
      makeCategory({ key: 'device' }),
    ],
  }),
);

describe('carriedCategories', () => {
  it('carries what is both held and named', () => {
    expect(carriedCategories(index, ['contact', 'device'], ['device'])).toEqual(['device']);
  });

  it('carries the held categories under a named parent', () => {
    expect(carriedCategories(index, ['contact.email.work', 'contact.phone', 'device'], ['contact'])).toEqual([
      'contact.email.work',
      'contact.phone',
    ]);
  });

  it('carries a named category under a held one, and only that', () => {
    expect(carriedCategories(index, ['contact'], ['contact.email'])).toEqual(['contact.email']);
  });

  it('carries nothing between unrelated categories, or siblings', () => {
    expect(carriedCategories(index, ['contact.email'], ['contact.phone', 'device'])).toEqual([]);
  });
});

describe('includesCategory', () => {
  it('finds the category, one under it (part of it) or one above it (all of it)', () => {
    expect(includesCategory(index, ['contact.email.work'], 'contact')).toBe(true);
    expect(includesCategory(index, ['contact'], 'contact')).toBe(true);
    expect(includesCategory(index, ['contact'], 'contact.email')).toBe(true);
    expect(includesCategory(index, ['contact.email'], 'device')).toBe(false);
  });
});
