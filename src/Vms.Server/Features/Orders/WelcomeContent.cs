namespace Vms.Server.Features.Orders;

/// <summary>What a welcome message says (IMP3).</summary>
public sealed record WelcomeContent(string CustomerName, string RecipientName, string RecipientEmail, string UserName, string OneTimePassword, string PortalUrl, bool MentionMobileApp)
{
    public IReadOnlyList<string> Lines =>
    [
        $"Dear {RecipientName},",
        "",
        $"The VMS service of {CustomerName} is active.",
        $"Portal: {PortalUrl}",
        $"User name: {UserName}",
        $"One-time password: {OneTimePassword}",
        "You will be asked to choose your own password at first sign-in.",
        .. (MentionMobileApp ? (string[])["The VMS mobile app lets you manage your routing and activate continuity from your phone."] : []),
        "",
        "Kind regards,",
        "The VMS team",
    ];
}
