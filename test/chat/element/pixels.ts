/**
 * Compares two pictures of the same size (RGBA bytes, as `ImageData.data`): the share of pixels that differ by
 * more than `tolerance` in any channel. The tolerance absorbs the last bit of anti-aliasing; a shifted line of
 * text or a changed colour differs by far more.
 */
export function differingShare(a: ArrayLike<number>, b: ArrayLike<number>, tolerance = 24): number {
  if (a.length !== b.length || a.length % 4) throw new RangeError(`pictures of ${a.length} and ${b.length} bytes`);
  let differing = 0;
  for (let index = 0; index < a.length; index += 4) {
    for (let channel = 0; channel < 4; channel++) {
      if (Math.abs(a[index + channel] - b[index + channel]) > tolerance) {
        differing++;
        break;
      }
    }
  }
  return a.length ? differing / (a.length / 4) : 0;
}
