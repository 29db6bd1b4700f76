/**
 * Compile-time proof that a form's fields are columns of a table, of the type the table stores (issue 18 §3). The
 * zod schema stays the source of a form's fields (its French messages, trims and code lists are what it is for, see
 * docs/decisions.md « Shapes from one source »); the table is checked against it, so a field added to the schema and
 * not to the table, or typed differently, does not compile:
 *
 *   export const CONTRACT_FIELDS_ARE_COLUMNS: FieldsAreColumns<ContractFields, ContractRow> = true;
 *
 * A code list (`'CDDI' | 'CDI_INCLUSION'…`) is stored as text: it is compared as `string`.
 */
type StoredAs<T> = T extends string ? string : T;

type Mismatches<Fields, Row> = {
  [K in keyof Fields]-?: K extends keyof Row ? (StoredAs<Fields[K]> extends Row[K] ? never : K) : K;
}[keyof Fields];

/** `true` when every field is a column of the same stored type; otherwise `never`, and assigning `true` fails. */
export type FieldsAreColumns<Fields, Row> = [Mismatches<Fields, Row>] extends [never] ? true : never;
