/** An HTTP request as the wire layer sees it: no runtime types, so it runs in Node, workerd and the browser. */
export interface WireRequest {
  method: string;
  /** The full URL as received (`https://host/aws/ID/?Action=…`); the path and query are signed as sent. */
  url: string;
  /** Header names in any case; repeated headers joined with `, ` as the Fetch API does. */
  headers: Record<string, string>;
  /** The raw body bytes: SigV4 signs their SHA-256. */
  body: Uint8Array;
}

/** The HTTP response to send back. */
export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Who signed a request, as STS's GetCallerIdentity describes a caller. */
export interface WireCaller {
  /** `arn:aws:iam::<account>:root`, a user's ARN, or an assumed-role session's ARN. */
  arn: string;
  account: string;
  /** The account id for the root user, `AIDA…` for users, `AROA…:session` for sessions. */
  userId: string;
  accessKeyId: string;
  type: 'Root' | 'User' | 'AssumedRole';
}

/** The secret of an access key and who it belongs to; `sessionToken` is set for temporary credentials. */
export interface ResolvedCredentials {
  secretAccessKey: string;
  caller: Omit<WireCaller, 'accessKeyId'>;
  sessionToken?: string;
}
