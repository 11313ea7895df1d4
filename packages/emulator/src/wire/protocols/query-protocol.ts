import { asciiText } from '../bytes.ts';
import { MalformedQueryString } from '../errors.ts';
import { decodeInput } from '../input.ts';
import { formPairs, parseQueryRequest, queryErrorXml, queryResponseXml, type QueryValue } from '../query.ts';
import { lowerCaseHeaders, splitUrl } from '../sigv4.ts';
import type { WireProtocol, WireRequest, WireResponse } from '../types.ts';

/** An XML answer with the request id in the header the SDKs read it from. */
export function xmlResponse(status: number, body: string, requestId: string): WireResponse {
  return { status, headers: { 'content-type': 'text/xml', 'x-amzn-RequestId': requestId }, body };
}

// The form body is read only for methods that carry one; the query string and the body together hold the
// parameters (https://smithy.io/2.0/aws/protocols/aws-query-protocol.html).
export function queryPairs(request: WireRequest): [string, string][] {
  const body = request.method.toUpperCase() === 'GET' ? '' : asciiText(request.body);
  if (body === undefined) throw new MalformedQueryString('a form-encoded body is ASCII: percent-encode everything else');
  const contentType = lowerCaseHeaders(request.headers)['content-type'] ?? '';
  if (body !== '' && !contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    throw new MalformedQueryString(`the body must be \`application/x-www-form-urlencoded\`, not \`${contentType}\``);
  }
  return [...formPairs(splitUrl(request.url).query), ...formPairs(body)];
}

/**
 * The AWS Query protocol (IAM, STS, ELBv2, Auto Scaling, CloudWatch's older clients): it accepts any request
 * its service gets, so it is the one that reports a body in the wrong format.
 */
export const queryProtocol: WireProtocol = {
  accepts: () => true,
  read(request) {
    const query = parseQueryRequest(queryPairs(request));
    return { action: query.action, version: query.version, params: query.params };
  },
  decode: (params, spec) => decodeInput(params as Record<string, QueryValue>, spec),
  success: (call, output, service, requestId) => xmlResponse(200, queryResponseXml(call.action, output, { xmlns: service.xmlns, requestId }), requestId),
  failure: (error, service, requestId) => xmlResponse(error.httpStatus, queryErrorXml(error, requestId, service?.xmlns), requestId),
};
