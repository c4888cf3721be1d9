namespace Vms.Server.Features.Orders;

public sealed record OrderDto(
    Guid Id,
    Guid CustomerId,
    string Formula,
    IReadOnlyList<string> Options,
    ContactDto Contact,
    string Status,
    DateTimeOffset CreatedAt,
    DateOnly TargetDate,
    string? DelayReason,
    DateOnly? DelayedUntil,
    DateTimeOffset? ActivatedAt,
    IReadOnlyList<OrderPersonDto> AuthorisedPersons,
    IReadOnlyList<OrderEntityDto> RelatedEntities,
    IReadOnlyList<OrderNumberDto> Numbers);

public sealed record ContactDto(string? Name, string? Email, string? Phone);

public sealed record OrderPersonDto(Guid Id, string Name, string Email, bool IsAdministrator);

public sealed record OrderEntityDto(Guid Id, string Name, string? CompanyNumber, string Proof);

public sealed record OrderNumberDto(string E164, IReadOnlyList<string> Services, bool CnipRemovalConsented, Guid? RelatedEntityId);

/// <summary>A person authorised on the order; administrators get an account at activation.</summary>
public sealed record AuthorisedPersonInput(string? Name, string? Email, bool IsAdministrator);

/// <summary>A related entity (IMP5) with the proof that the customer controls it.</summary>
public sealed record RelatedEntityInput(string? Name, string? CompanyNumber, string? Proof);

/// <summary>A number on the order; RelatedEntityIndex points into the order's related entities when it is theirs.</summary>
public sealed record OrderNumberInput(string? Number, IReadOnlyList<string>? Services, bool CnipRemovalConsented, int? RelatedEntityIndex);

/// <summary>An order (IMP1): formula, options, contact, authorised persons, related entities, numbers.</summary>
public sealed record CreateOrderRequest(
    Guid? CustomerId,
    string? Formula,
    IReadOnlyList<string>? Options,
    ContactDto? Contact,
    IReadOnlyList<AuthorisedPersonInput>? AuthorisedPersons,
    IReadOnlyList<RelatedEntityInput>? RelatedEntities,
    IReadOnlyList<OrderNumberInput>? Numbers);

/// <summary>Why the order is late and when it will be activated (IMP2).</summary>
public sealed record DelayOrderRequest(string? Reason, DateOnly? NewDate);

/// <summary>One welcome message sent at activation (IMP3): an e-mail or a PDF letter.</summary>
public sealed record WelcomeMessageDto(string Recipient, string UserName, string Channel, bool Delivered, string? Error, Guid? LetterId);

public sealed record ActivationResult(OrderDto Order, IReadOnlyList<WelcomeMessageDto> Messages);

public sealed record LetterFile(string FileName, byte[] Pdf);

/// <summary>A welcome letter kept for an order (the PDF itself is fetched by its id).</summary>
public sealed record WelcomeLetterDto(Guid Id, string Recipient, DateTimeOffset CreatedAt);
