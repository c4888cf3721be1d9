namespace Vms.NetSim;

/// <summary>How a call the simulator placed into VMS went.</summary>
public sealed record SimulatedCallResult(int FinalStatus, string Reason, bool Answered, bool EndedByVms, TimeSpan SetupTime, TimeSpan Duration, string CallId);
