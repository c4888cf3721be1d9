namespace Vms.Telephony;

/// <summary>Which side ended a call.</summary>
public enum CallParty
{
    Caller,
    Callee,
    System,
}
