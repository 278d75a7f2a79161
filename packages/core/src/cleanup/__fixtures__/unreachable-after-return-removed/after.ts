export function route(req: Request): Response {
  return format(handleNew(req));

  function format(response: Response) {
    return response;
  }
}
