using System.Text.Json.Serialization;

namespace Vms.Server.Features.Calls.Records;

/// <summary>Source-generated JSON for the spool file.</summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(CallRecordData))]
internal sealed partial class CallRecordJsonContext : JsonSerializerContext;
