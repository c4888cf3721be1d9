namespace Vms.Domain.Tenancy;

/// <summary>The English names of formulas and service elements, as the contract names them.</summary>
public static class ServiceElementNames
{
    public static string Of(ServiceElement element) => element switch
    {
        ServiceElement.TrafficRoutingManagement => "Traffic Routing Management",
        ServiceElement.AgentContactManagement => "Agent Contact Management",
        ServiceElement.OutboundCampaigns => "Outbound campaigns",
        ServiceElement.VoiceRecording => "Voice recording",
        ServiceElement.StatisticsPortal => "Statistics portal",
        ServiceElement.MobileApp => "Mobile app",
        ServiceElement.ConfigurationAndActivation => "Configuration & activation",
        ServiceElement.ServiceDesk => "Service desk, remote diagnosis, remote intervention",
        ServiceElement.StandardChanges => "Standard changes",
        ServiceElement.SelfConfiguration => "Self-configuration",
        ServiceElement.IncidentWindow => "Incident window",
        ServiceElement.ChangeWindow => "Change window",
        _ => element.ToString(),
    };

    public static string Of(Formula formula) => formula switch
    {
        Formula.Classic => "Classic",
        Formula.Drs => "DRS",
        Formula.VoiceContinuity => "Voice Continuity",
        Formula.Outbound => "Outbound",
        _ => formula.ToString(),
    };
}
