/** A column of a record store twice as long, its values kept: stores grow by doubling, so pushes stay amortised O(1). */
export function doubled(column: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const longer = new Float64Array(column.length * 2);
  longer.set(column);
  return longer;
}
