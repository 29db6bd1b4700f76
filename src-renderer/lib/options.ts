/** Options for selects from the shared label maps. */
export function options<K extends string>(labels: Record<K, string>, withCode = false): Array<{ value: K; label: string }> {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: withCode ? `${value} — ${labels[value]}` : labels[value] }));
}

export function numericOptions(labels: Record<number, string>): Array<{ value: string; label: string }> {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}
