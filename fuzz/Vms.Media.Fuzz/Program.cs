using SharpFuzz;
using Vms.Media.Fuzz;

// AFL harness (SharpFuzz): the target is chosen by the first argument, "wav" (default), "sdp" or "rtp".
// Any exception that escapes a parser is a finding: parsers must answer malformed input with a result.
var target = args.Length > 0 ? args[0] : "wav";
Fuzzer.OutOfProcess.Run(stream => FuzzTargets.Run(target, stream));
