namespace Vms.Telephony.Media;

/// <summary>How playing a prompt ended.</summary>
public enum PlayOutcome
{
    Completed,
    InterruptedByDigit,
    Stopped,
    PromptMissing,
}
