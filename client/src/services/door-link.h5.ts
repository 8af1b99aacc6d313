export const printPage: (() => void) | null = () => window.print();
