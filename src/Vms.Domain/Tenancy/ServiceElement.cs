namespace Vms.Domain.Tenancy;

/// <summary>The service elements of the entitlement matrix (REQUIREMENTS F2).</summary>
public enum ServiceElement
{
    TrafficRoutingManagement,
    AgentContactManagement,
    OutboundCampaigns,
    VoiceRecording,
    StatisticsPortal,
    MobileApp,
    ConfigurationAndActivation,
    ServiceDesk,
    StandardChanges,
    SelfConfiguration,
    IncidentWindow,
    ChangeWindow,
}
