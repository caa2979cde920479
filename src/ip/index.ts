export { parseIpInput, type ParseIpResult } from './parseIpInput';
export { classifyIp, IP_KINDS, type IpClass, type IpKind, type SpecialKind } from './classifyIp';
export { providerForPtr, PROVIDERS, type Provider, type ProviderId } from './providers';
export { MICROSOFT_CURRENT_RANGES, MICROSOFT_RETIRED_RANGES, type MicrosoftRange } from './microsoftRanges';
