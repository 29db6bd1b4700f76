/**
 * A person's shape is declared once (issue 18 §3): the form's schema lists the fields; the table holds them under the
 * same names (checked by the compiler in personnes-service.ts, FIELDS_ARE_COLUMNS); the import format names a
 * column for each, which the import, the export and the demo use.
 */
import { describe, expect, it } from 'vitest';
import { PERSONNE_COLUMNS, PERSONNE_FLAGS, SHEET_COLUMNS } from '../../src-shared/import-format';
import { PERSONNE_FIELD_NAMES, personneFieldsSchema } from '../../src-shared/schemas/personne';
import { getTableColumns } from 'drizzle-orm';
import { personnes } from '../../db/schema';

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

describe('a person’s fields, declared once', () => {
  it('the personnes sheet has one column per field of the form, and no other besides its ref', () => {
    expect([...PERSONNE_COLUMNS].sort()).toEqual(PERSONNE_FIELD_NAMES.map(snake).sort());
    expect(SHEET_COLUMNS.personnes.map((c) => c.name)).toContain('ref');
  });
  it('each field is a column of the table under the same name, and the sheet’s yes/no columns are its booleans', () => {
    const columns = getTableColumns(personnes);
    for (const field of PERSONNE_FIELD_NAMES) expect(columns[field]?.name, field).toBe(snake(field));
    const booleans = PERSONNE_FIELD_NAMES.filter((field) => personneFieldsSchema.shape[field].safeParse(undefined).data === false);
    expect([...PERSONNE_FLAGS].sort()).toEqual(booleans.map(snake).sort());
  });
});
