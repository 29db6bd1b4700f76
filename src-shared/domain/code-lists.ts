/**
 * The app's code lists are objects from code to label (ASP codes, decisions, freins…). A value read from the database
 * or a file is a plain string: these give it back its code type once checked, instead of a cast.
 */
export function isCodeOf<K extends string>(list: Record<K, unknown>, value: string | null | undefined): value is K {
  return value !== null && value !== undefined && Object.hasOwn(list, value);
}

/** The codes of a list with their own type (Object.keys says `string[]`). */
export function codesOf<K extends string>(list: Record<K, unknown>): K[] {
  return Object.keys(list) as K[];
}
