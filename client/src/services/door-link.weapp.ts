/** The mini-program cannot print: helpers print the card from the desktop (H5). */
export const printPage: (() => void) | null = null;
