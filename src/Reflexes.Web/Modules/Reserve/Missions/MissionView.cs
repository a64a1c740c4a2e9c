using Reflexes.Web.Modules.Reserve.Domain;

namespace Reflexes.Web.Modules.Reserve.Missions;

/// <summary>A mission with the names its ids stand for, for the shared facts partial.</summary>
public sealed record MissionView(Mission Mission, string Organisation, string Neighbourhood, IReadOnlyDictionary<string, string> SkillLabels);
