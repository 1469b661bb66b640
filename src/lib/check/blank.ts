/**
 * Text replaced by spaces, line breaks kept: the checks of prose mask what a reader does not
 * read (code, comments, link addresses, tags) without moving anything, so every line and column
 * they report still points at the file.
 */
export const blank = (s: string) => s.replace(/[^\n]/g, ' ');
