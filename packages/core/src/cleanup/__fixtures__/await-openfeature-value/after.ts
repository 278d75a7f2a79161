import { OpenFeature } from "@openfeature/server-sdk";

const client = OpenFeature.getClient();

export async function handler(req: Request): Promise<Response> {
  return renderNew(req);
}
