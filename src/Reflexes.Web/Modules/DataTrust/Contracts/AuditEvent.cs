namespace Reflexes.Web.Modules.DataTrust.Contracts;

/// <summary>
/// What a module asks to be recorded. <paramref name="Actor"/> says who (for instance "user:{id}" or
/// "system:cli"), <paramref name="Action"/> what ("resident.read"), <paramref name="Purpose"/> the
/// processing purpose invoked, <paramref name="Record"/> which record ("resident:{id}").
/// </summary>
public sealed record AuditEvent(string Actor, string Action, string? Purpose, string? Record, AuditResult Result)
{
    public const int ActorMaxLength = 200;
    public const int ActionMaxLength = 100;
    public const int PurposeMaxLength = 200;
    public const int RecordMaxLength = 200;
}
