/** The part of fontkit (a dependency of @react-pdf, without types of its own) that pdf-text.ts uses. */
declare module 'fontkit' {
  export function openSync(path: string): { hasGlyphForCodePoint(codePoint: number): boolean };
}
