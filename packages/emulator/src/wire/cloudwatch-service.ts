import { cloudwatchActions } from '../cloudwatch/actions.ts';
import { ValidationError } from '../errors.ts';
import type { FieldSpec, InputSpec } from './input.ts';
import { InvalidNextToken, paged, type Paging } from './paging.ts';
import { jsonProtocol } from './protocols/json-protocol.ts';
import { queryProtocol } from './protocols/query-protocol.ts';
import { rpcV2CborProtocol } from './protocols/rpc-v2-cbor-protocol.ts';
import { refusingUnmodelled } from './strict.ts';
import type { ActionBinding, WireCtx, WireOperation, WireService } from './types.ts';

// How each CloudWatch action meets the wire: the parameters it reads (API reference, e.g.
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html) and the alarm it is
// authorized on (Service Authorization Reference:
// https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudwatch.html). The JS SDK
// speaks AWS JSON 1.0 to CloudWatch (`X-Amz-Target: GraniteServiceVersion20100801.<Action>`, query-compatible
// errors), the AWS CLI Smithy RPC v2 CBOR, older clients the Query protocol, version 2010-08-01. All are served.

/** Every operation of the CloudWatch API (version 2010-08-01), from its API reference. */
export const CLOUDWATCH_API_OPERATIONS: readonly string[] = [
  'AssociateDatasetKmsKey', 'CreateResourceMetricsConfiguration', 'DeleteAlarmMuteRule', 'DeleteAlarms',
  'DeleteAnomalyDetector', 'DeleteDashboards', 'DeleteInsightRules', 'DeleteMetricDataQueryDefinition',
  'DeleteMetricStream', 'DeleteResourceMetricsConfiguration', 'DescribeAlarmContributors', 'DescribeAlarmHistory',
  'DescribeAlarms', 'DescribeAlarmsForMetric', 'DescribeAnomalyDetectors', 'DescribeInsightRules', 'DisableAlarmActions',
  'DisableInsightRules', 'DisassociateDatasetKmsKey', 'EnableAlarmActions', 'EnableInsightRules', 'GetAlarmMuteRule',
  'GetDashboard', 'GetDataset', 'GetInsightRuleReport', 'GetMetricData', 'GetMetricDataQueryDefinition',
  'GetMetricStatistics', 'GetMetricStream', 'GetMetricWidgetImage', 'GetOTelEnrichment', 'GetResourceMetricsConfiguration',
  'ListAlarmMuteRules', 'ListDashboards', 'ListManagedInsightRules', 'ListMetricDataQueryDefinitions', 'ListMetricStreams',
  'ListMetrics', 'ListTagsForResource', 'PutAlarmMuteRule', 'PutAnomalyDetector', 'PutCompositeAlarm', 'PutDashboard',
  'PutInsightRule', 'PutLogAlarm', 'PutManagedInsightRules', 'PutMetricAlarm', 'PutMetricData',
  'PutMetricDataQueryDefinition', 'PutMetricStream', 'SetAlarmState', 'StartMetricStreams', 'StartOTelEnrichment',
  'StopMetricStreams', 'StopOTelEnrichment', 'TagResource', 'UntagResource', 'UpdateOTelEnrichment',
  'UpdateResourceMetricsConfiguration',
];

/**
 * CloudWatch's JSON error shapes for its Query error codes (the `awsQueryError` traits of its Smithy model): a
 * JSON client that is not query-compatible reads the shape from `__type`.
 */
const ERROR_SHAPES: Readonly<Record<string, string>> = {
  InvalidParameterValue: 'InvalidParameterValueException',
  InvalidParameterCombination: 'InvalidParameterCombinationException',
  MissingParameter: 'MissingRequiredParameterException',
  LimitExceeded: 'LimitExceededFault',
  ValidationError: 'ValidationException',
  InternalServiceError: 'InternalServiceFault',
};

/** How CloudWatch names itself and its errors in the Smithy-based protocols. */
const SMITHY = { target: 'GraniteServiceVersion20100801', namespace: 'com.amazonaws.cloudwatch', errorShapes: ERROR_SHAPES, queryCompatible: true };

type Input = Record<string, unknown>;
type Resource = NonNullable<ActionBinding['resource']>;

const S: FieldSpec = 'string';
const R: FieldSpec = 'string!';
const I: FieldSpec = 'integer';
const D: FieldSpec = 'double';
const STRINGS: FieldSpec = { list: S };
const DIMENSIONS: FieldSpec = { list: { struct: { Name: R, Value: R } } };
const PAGE: InputSpec = { NextToken: S, MaxRecords: I };

const alarmArn = (ctx: WireCtx, name: string) => `arn:aws:cloudwatch:${ctx.region}:${ctx.accountId}:alarm:${name}`;
const onAlarm: Resource = (input, ctx) => alarmArn(ctx, String(input.AlarmName));
// A call on several alarms, or all of them, is authorized on `alarm:*`: a policy naming single alarms does not
// match it, stricter than AWS's check of each alarm, never looser.
const onAlarms: Resource = (input, ctx) => {
  const names = input.AlarmNames as string[] | undefined;
  return alarmArn(ctx, names?.length === 1 ? names[0]! : '*');
};
// The metric calls act on no resource type in the Service Authorization Reference, so `*`.
const anywhere: Resource = () => '*';

// CloudWatch pages with `NextToken` (and `MaxRecords`, 1 to 100, where the call has one; ListMetrics answers 500).
const byToken = (list: string, size: { defaultSize: number; maxSize: number; param?: string }): Paging => ({
  list,
  token: 'NextToken',
  next: 'NextToken',
  ...(size.param !== undefined ? { size: size.param } : {}),
  defaultSize: size.defaultSize,
  maxSize: size.maxSize,
  invalidToken: (message) => new InvalidNextToken(message),
});

// Timestamps leave the engine as ISO text; as dates each protocol writes them its own way (epoch seconds in JSON).
const dated = (item: Input, fields: string[]): Input => ({ ...item, ...Object.fromEntries(fields.filter((f) => typeof item[f] === 'string').map((f) => [f, new Date(String(item[f]))])) });
const datedList = (list: string, fields: string[]) => (result: Input): Input => ({ ...result, [list]: (result[list] as Input[]).map((item) => dated(item, fields)) });

const actions: Record<string, WireOperation> = {
  ...cloudwatchActions,
  DescribeAlarms: paged(cloudwatchActions.DescribeAlarms as WireOperation, byToken('MetricAlarms', { defaultSize: 50, maxSize: 100, param: 'MaxRecords' })),
  DescribeAlarmHistory: paged(cloudwatchActions.DescribeAlarmHistory as WireOperation, byToken('AlarmHistoryItems', { defaultSize: 100, maxSize: 100, param: 'MaxRecords' })),
  ListMetrics: paged(cloudwatchActions.ListMetrics as WireOperation, byToken('Metrics', { defaultSize: 500, maxSize: 500 })),
};

// Partial so a new action in the CloudWatch table never breaks the build; the wire tests insist on a binding for each.
const bindings: Partial<Record<keyof typeof cloudwatchActions, ActionBinding>> = {
  PutMetricData: {
    input: {
      Namespace: R,
      MetricData: {
        list: {
          struct: {
            MetricName: R,
            Dimensions: DIMENSIONS,
            Timestamp: 'timestamp',
            Value: D,
            StatisticValues: { struct: { SampleCount: 'double!', Sum: 'double!', Minimum: 'double!', Maximum: 'double!' } },
            Unit: S,
            StorageResolution: I,
          },
        },
        required: true,
      },
    },
    resource: anywhere,
  },
  GetMetricStatistics: {
    input: {
      Namespace: R,
      MetricName: R,
      Dimensions: DIMENSIONS,
      StartTime: 'timestamp!',
      EndTime: 'timestamp!',
      Period: 'integer!',
      // ExtendedStatistics (percentiles) are not modelled, so Statistics is required.
      Statistics: { list: S, required: true },
    },
    resource: anywhere,
    output: datedList('Datapoints', ['Timestamp']),
  },
  ListMetrics: {
    input: { Namespace: S, MetricName: S, NextToken: S },
    resource: anywhere,
  },
  PutMetricAlarm: {
    input: {
      AlarmName: R,
      AlarmDescription: S,
      ActionsEnabled: 'boolean',
      OKActions: STRINGS,
      AlarmActions: STRINGS,
      InsufficientDataActions: STRINGS,
      MetricName: S,
      Namespace: S,
      Statistic: S,
      ExtendedStatistic: S,
      Dimensions: DIMENSIONS,
      Period: I,
      Unit: S,
      EvaluationPeriods: 'integer!',
      DatapointsToAlarm: I,
      Threshold: D,
      ComparisonOperator: R,
      TreatMissingData: S,
      // Read so the engine refuses metric math alarms instead of creating a different alarm.
      Metrics: { list: { struct: { Id: S } } },
      ThresholdMetricId: S,
    },
    resource: onAlarm,
  },
  DescribeAlarms: {
    input: { AlarmNames: STRINGS, AlarmNamePrefix: S, AlarmTypes: STRINGS, StateValue: S, ...PAGE },
    prepare: (input) => {
      // Asking for composite alarms only would be answered with metric alarms: refused instead.
      const types = input.AlarmTypes as string[] | undefined;
      if (types !== undefined && !types.includes('MetricAlarm')) throw new ValidationError('composite alarms are not modelled by the emulator: include `MetricAlarm` in `AlarmTypes`');
      return input;
    },
    resource: onAlarms,
    // The emulator has metric alarms only: composite alarms are always none.
    output: (result) => ({ ...datedList('MetricAlarms', ['StateUpdatedTimestamp', 'AlarmConfigurationUpdatedTimestamp'])(result), CompositeAlarms: [] }),
  },
  DeleteAlarms: { input: { AlarmNames: { list: S, required: true } }, resource: onAlarms },
  DescribeAlarmHistory: {
    input: { AlarmName: S, ...PAGE },
    resource: (input, ctx) => alarmArn(ctx, input.AlarmName === undefined ? '*' : String(input.AlarmName)),
    output: datedList('AlarmHistoryItems', ['Timestamp']),
  },
  SetAlarmState: { input: { AlarmName: R, StateValue: R, StateReason: R, StateReasonData: S }, resource: onAlarm },
};

/** CloudWatch over AWS JSON 1.0 (current SDKs) and the Query protocol (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/). */
export const cloudwatchService: WireService = {
  signingName: 'monitoring',
  actionPrefix: 'cloudwatch',
  // The JS SDK speaks JSON 1.0, the AWS CLI (botocore) Smithy RPC v2 CBOR, older clients Query. Parameters the
  // bindings do not name (tags, percentiles, metric filters) are refused, never dropped.
  protocols: [jsonProtocol({ version: '1.0', ...SMITHY }), rpcV2CborProtocol(SMITHY), queryProtocol].map(refusingUnmodelled),
  version: '2010-08-01',
  xmlns: 'http://monitoring.amazonaws.com/doc/2010-08-01/',
  actions,
  apiOperations: CLOUDWATCH_API_OPERATIONS,
  bindings,
};
