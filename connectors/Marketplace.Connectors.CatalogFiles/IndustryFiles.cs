using Marketplace.Domain.Catalog;
using Marketplace.Domain.Listings;
using Marketplace.Domain.Solutions;
using Marketplace.Domain.Vocabulary;
using YamlDotNet.RepresentationModel;

namespace Marketplace.Connectors.CatalogFiles;

internal static class IndustryFiles
{
    private static readonly HashSet<string> IndustryKeys = ["id", "name", "description", "scenarios"];
    private static readonly HashSet<string> ScenarioKeys =
        ["id", "name", "description", "task", "modality", "typicalRequestsPerSecond", "latencyTargetMs", "deployment", "dataRules", "roles", "inputTokens", "outputTokens"];

    public static IReadOnlyList<Industry> Read(ReadContext context, string file)
    {
        if (!File.Exists(file))
        {
            context.Errors.Add($"{context.Relative(file)}: the file is missing.");
            return [];
        }
        if (context.Parse(file) is not YamlSequenceNode sequence)
        {
            context.Errors.Add($"{context.Relative(file)}:1: the file must hold a list of industries.");
            return [];
        }
        var industries = new List<Industry>();
        foreach (var item in sequence.Children)
        {
            if (item is not YamlMappingNode mapping)
            {
                context.Errors.Add($"{context.Relative(file)}:{item.Start.Line}: each industry must be a mapping.");
                continue;
            }
            var yaml = new YamlFields(mapping, context.Relative(file), context.Errors);
            yaml.OnlyKeys(IndustryKeys);
            var id = yaml.String("id", required: true, maxLength: 40);
            var name = yaml.String("name", required: true, maxLength: 80);
            var description = yaml.String("description") ?? "";
            var scenarios = yaml.Mappings("scenarios", required: true).Select(Scenario).OfType<IndustryScenario>().ToList();
            if (id is not null && name is not null)
            {
                industries.Add(new Industry(id, name, description, scenarios));
            }
        }
        foreach (var duplicate in industries.GroupBy(i => i.Id).Where(g => g.Count() > 1))
        {
            context.Errors.Add($"{context.Relative(file)}: industry id '{duplicate.Key}' appears {duplicate.Count()} times.");
        }
        return industries;
    }

    private static SolutionRole? Role(YamlFields yaml)
    {
        yaml.OnlyKeys(new HashSet<string> { "role", "task" });
        var role = yaml.String("role", required: true, maxLength: 40);
        var task = yaml.Word("task", ModelTasks.All, required: true);
        return role is null || task is null ? null : new SolutionRole(role, task);
    }

    private static IndustryScenario? Scenario(YamlFields yaml)
    {
        yaml.OnlyKeys(ScenarioKeys);
        var id = yaml.String("id", required: true, maxLength: 60);
        var name = yaml.String("name", required: true, maxLength: 120);
        var task = yaml.Word("task", ModelTasks.All, required: true);
        var roles = yaml.Mappings("roles").Select(Role).OfType<SolutionRole>().ToList();
        var scenario = new IndustryScenario(
            id ?? "", name ?? "", yaml.String("description") ?? "", task ?? "", yaml.Word("modality", Modalities.All),
            yaml.Double("typicalRequestsPerSecond", min: 0), yaml.Double("latencyTargetMs", min: 0),
            yaml.String("deployment"), yaml.String("dataRules"), roles.Count > 0 ? roles : null,
            yaml.Int("inputTokens", min: 1, max: 1_000_000), yaml.Int("outputTokens", min: 1, max: 1_000_000));
        if (roles.Count > 0 && task is not null && roles.All(r => r.Task != task))
        {
            yaml.ErrorAt("task", "must be the task of one of its roles");
        }
        if (scenario.Deployment is { } deployment && !Enum.TryParse<DeploymentOption>(deployment, out _))
        {
            yaml.ErrorAt("deployment", $"must be {string.Join(" or ", Enum.GetNames<DeploymentOption>())}");
        }
        return id is null || name is null || task is null ? null : scenario;
    }
}
