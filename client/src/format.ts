/** Numbers as Indian readers group them (1,23,456), and nouns that agree with them. */
const NUMBER = new Intl.NumberFormat('en-IN');

export function formatCount(n: number): string {
  return NUMBER.format(n);
}

export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : plural}`;
}
