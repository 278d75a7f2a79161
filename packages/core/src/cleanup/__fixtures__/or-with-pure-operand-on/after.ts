export function setup(isPreview: boolean): void {
  enableNewEditor();
}
