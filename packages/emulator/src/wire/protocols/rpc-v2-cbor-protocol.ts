import { lowerCaseHeaders, splitUrl } from '../sigv4.ts';
import type { WireProtocol, WireResponse } from '../types.ts';
import { decodeCbor, encodeCbor } from './cbor.ts';
import { decodeJsonInput, errorDocument, SerializationException, UnknownOperationException, type JsonProtocolOptions } from './json-protocol.ts';

// The Smithy RPC v2 CBOR protocol (https://smithy.io/2.0/additional-specs/protocols/smithy-rpc-v2.html), which
// the AWS CLI (botocore) now prefers for CloudWatch: `POST …/service/<ServiceName>/operation/<Operation>` with
// `smithy-protocol: rpc-v2-cbor` and a CBOR body; answers in CBOR with the same header, errors as a map with
// `__type` and `message`, and for a query-compatible service the Query code in `x-amzn-query-error`.

const OPERATION_PATH = /\/service\/([A-Za-z0-9_]+)\/operation\/([A-Za-z0-9_]+)$/;

/** Smithy RPC v2 CBOR for a service: its target (the service shape's name), namespace and error shapes as for JSON. */
export function rpcV2CborProtocol(options: Omit<JsonProtocolOptions, 'version'>): WireProtocol {
  const respond = (status: number, body: unknown, requestId: string, headers: Record<string, string> = {}): WireResponse => ({
    status,
    headers: { 'content-type': 'application/cbor', 'smithy-protocol': 'rpc-v2-cbor', 'x-amzn-RequestId': requestId, ...headers },
    body: encodeCbor(body),
  });
  return {
    accepts: (request) => lowerCaseHeaders(request.headers)['smithy-protocol'] === 'rpc-v2-cbor',
    read(request, service) {
      if (request.method.toUpperCase() !== 'POST') throw new SerializationException(`the RPC v2 CBOR protocol takes \`POST\`, not \`${request.method}\``);
      const path = splitUrl(request.url).path;
      const match = OPERATION_PATH.exec(path);
      if (!match || match[1] !== options.target || !service.apiOperations.includes(match[2]!)) {
        throw new UnknownOperationException(`\`${path.slice(-160)}\` is not an operation of this service: the path ends \`/service/${options.target}/operation/<Operation>\``);
      }
      const document = request.body.length === 0 ? {} : decodeCbor(request.body);
      if (typeof document !== 'object' || document === null || Array.isArray(document) || document instanceof Uint8Array) throw new SerializationException('the body must be a CBOR map');
      return { action: match[2]!, version: service.version, params: document as Record<string, unknown> };
    },
    decode: (params, spec) => decodeJsonInput(params, spec),
    success: (_call, output, _service, requestId) => respond(200, output, requestId),
    failure(error, _service, requestId) {
      const { document, headers } = errorDocument(options, error);
      return respond(error.httpStatus, document, requestId, headers);
    },
  };
}
