/** The page on this site: scanning it with any phone opens the same card after signing in. */
export function doorLink(path: string): string | null {
  return `${window.location.origin}${path}`;
}

export const printPage: (() => void) | null = () => window.print();
