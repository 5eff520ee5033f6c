/**
 * How deeply a parsed JSON value nests, counted without recursion and stopping at `limit + 1`: a
 * request's variables nested thousands deep would otherwise overflow the stack of the recursive
 * walks that follow (variable coercion, cache keys) and end as HTTP 500.
 */
export function exceedsDepth(value: unknown, limit: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (item.depth >= limit) return true;
    for (const child of Object.values(item.value)) stack.push({ value: child, depth: item.depth + 1 });
  }
  return false;
}
