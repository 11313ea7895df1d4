import { labSources } from 'virtual:skylab-lab-sources';

export default {
  async fetch(request: Request, env: { DATABASE_URL: string }): Promise<Response> {
    const res = await fetch(`${env.DATABASE_URL.replace(/^libsql:/, 'https:')}/v2/pipeline`, {
      method: 'POST',
      body: JSON.stringify({ requests: [{ type: 'execute', stmt: { sql: 'select 1 as x' } }, { type: 'close' }] }),
    });
    return Response.json({ labs: labSources.map((l) => l.path), db: await res.json(), ip: request.headers.get('cf-connecting-ip') });
  },
};
