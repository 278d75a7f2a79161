export function configure(app: App): void {
  app.use(fallback);
  app.log("fallback");
  app.start();
}
