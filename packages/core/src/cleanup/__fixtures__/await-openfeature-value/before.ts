import { OpenFeature } from "@openfeature/server-sdk";

const client = OpenFeature.getClient();

export async function handler(req: Request): Promise<Response> {
  if (await client.getBooleanValue("new_flow", false, { targetingKey: req.user })) {
    return renderNew(req);
  }
  return renderOld(req);
}
