namespace Reflexes.Web.Modules.DataTrust.Contracts;

/// <summary>
/// A module's request to read a person's personal data: whose (the data subject), for which purpose
/// (its code in the register), what it is about to do, and which record.
/// </summary>
/// <param name="Action">A short verb phrase naming the read, e.g. "outreach.call-sheet".</param>
/// <param name="RecordRef">The record read, e.g. "registrant/3f2a…" — an identifier, never personal data.</param>
public sealed record AccessRequest(Guid SubjectId, string PurposeCode, string Action, string RecordRef);
