using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Tsunagari.Tests.Hardening;

/// <summary>
/// Every route the app maps, read from its own endpoint metadata, so that a new page, handler or API endpoint is
/// covered by the bad-input properties without anyone listing it.
/// </summary>
public static class AppEndpoints
{
    /// <summary>One request shape: a route, a method, a page handler (null for the default), and the fields it binds.</summary>
    public sealed record Target(string Pattern, string Method, string? Handler, bool IsPage, IReadOnlyList<Field> Fields, Type? JsonBody, IReadOnlyList<string> RouteParameters)
    {
        public override string ToString() => $"{Method} {Pattern}{(Handler is null ? "" : $"?handler={Handler}")}";
    }

    /// <summary>A form or query field: its name as bound ("Input.Name") and the type it binds to.</summary>
    public sealed record Field(string Name, Type Type, bool Many);

    public static async Task<IReadOnlyList<Target>> ListAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var loader = services.GetRequiredService<PageLoader>();
        var targets = new List<Target>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            // Static files (fingerprinted assets) and the OpenAPI document take no input.
            if (endpoint.Metadata.Any(m => m.GetType().Name.Contains("StaticAsset", StringComparison.Ordinal)) || pattern.StartsWith("/openapi", StringComparison.Ordinal)) continue;
            var parameters = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToList();
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                var bound = compiled.BoundProperties.OfType<PageBoundPropertyDescriptor>().ToList();
                foreach (var handler in compiled.HandlerMethods)
                {
                    var method = handler.HttpMethod.ToUpperInvariant();
                    var fields = new List<Field>();
                    foreach (var property in bound.Where(p => method == "POST" || p.BindingInfo?.RequestPredicate is null && IsGetBound(p)))
                        Flatten(property.Name, property.ParameterType, fields, 0);
                    foreach (var parameter in handler.Parameters.Where(p => !parameters.Contains(p.Name, StringComparer.OrdinalIgnoreCase)))
                        Flatten(parameter.Name, parameter.ParameterType, fields, 0);
                    targets.Add(new Target(pattern, method, handler.Name, true, fields, null, parameters));
                }
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var body = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            var query = new List<Field>();
            foreach (var parameter in endpoint.Metadata.GetMetadata<MethodInfo>()?.GetParameters() ?? [])
            {
                if (parameters.Contains(parameter.Name!, StringComparer.OrdinalIgnoreCase) || parameter.ParameterType == body) continue;
                if (parameter.GetCustomAttribute<Microsoft.AspNetCore.Http.AsParametersAttribute>() is not null)
                    foreach (var property in parameter.ParameterType.GetProperties()) Flatten(property.Name, property.PropertyType, query, 3);
                else if (IsSimple(ElementOf(parameter.ParameterType) ?? parameter.ParameterType)) Flatten(parameter.Name!, parameter.ParameterType, query, 3);
            }
            foreach (var method in methods) targets.Add(new Target(pattern, method, null, false, query, body, parameters));
        }
        return targets;
    }

    private static bool IsGetBound(PageBoundPropertyDescriptor property) =>
        property.Property.GetCustomAttribute<Microsoft.AspNetCore.Mvc.BindPropertyAttribute>()?.SupportsGet == true
        || property.BindingInfo?.BindingSource == BindingSource.Query;

    private static void Flatten(string name, Type type, List<Field> fields, int depth)
    {
        var element = ElementOf(type);
        var single = element ?? type;
        if (typeof(IFormFile).IsAssignableFrom(single) || typeof(IFormFileCollection).IsAssignableFrom(single) || single == typeof(CancellationToken)) return;
        if (IsSimple(single))
        {
            fields.Add(new Field(name, single, element is not null));
            return;
        }
        if (depth > 2) return;
        foreach (var property in single.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || ElementOf(p.PropertyType) is not null))
            Flatten($"{name}.{property.Name}", property.PropertyType, fields, depth + 1);
    }

    private static Type? ElementOf(Type type) =>
        type != typeof(string) && type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) is { } e
            ? e.GetGenericArguments()[0] : null;

    private static bool IsSimple(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(Guid) || type == typeof(DateOnly)
            || type == typeof(TimeOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan);
    }
}
