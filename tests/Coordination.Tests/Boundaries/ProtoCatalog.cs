using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Coordination.Tests.Boundaries;

/// <summary>One string field somewhere inside a request: the path a violation names (<c>lines[0].note</c>) and the
/// fields to walk to reach it.</summary>
public sealed record StringField(string Path, IReadOnlyList<FieldDescriptor> Steps);

/// <summary>
/// Requests of the public contracts (<see cref="Contracts.PublicContract"/>) built by protobuf reflection: a request
/// with one string field set, however deep, and nothing else.
/// </summary>
public static class ProtoCatalog
{
    /// <summary>Every string field a request can carry, reached through nested and repeated messages (one element each).</summary>
    public static IEnumerable<StringField> StringFields(MessageDescriptor message) => StringFields(message, "", [], []);

    private static IEnumerable<StringField> StringFields(MessageDescriptor message, string prefix, List<FieldDescriptor> steps, HashSet<string> open)
    {
        if (!open.Add(message.FullName) || message.FullName.StartsWith("google.protobuf.", StringComparison.Ordinal))
        {
            yield break;
        }
        foreach (var field in message.Fields.InFieldNumberOrder())
        {
            var path = prefix + field.Name + (field.IsRepeated ? "[0]" : "");
            List<FieldDescriptor> here = [.. steps, field];
            if (field.FieldType == FieldType.String)
            {
                yield return new StringField(path, here);
            }
            else if (field.FieldType == FieldType.Message && !field.IsMap)
            {
                foreach (var inner in StringFields(field.MessageType, path + ".", here, open))
                {
                    yield return inner;
                }
            }
        }
        open.Remove(message.FullName);
    }

    /// <summary>A request of the method's input type with only <paramref name="field"/> set to <paramref name="value"/>.</summary>
    public static IMessage RequestWith(MethodDescriptor method, StringField field, string value)
    {
        var request = New(method.InputType);
        var target = request;
        foreach (var step in field.Steps.SkipLast(1))
        {
            var inner = New(step.MessageType);
            if (step.IsRepeated)
            {
                ((IList)step.Accessor.GetValue(target)).Add(inner);
            }
            else
            {
                step.Accessor.SetValue(target, inner);
            }
            target = inner;
        }
        var last = field.Steps[^1];
        if (last.IsRepeated)
        {
            ((IList)last.Accessor.GetValue(target)).Add(value);
        }
        else
        {
            last.Accessor.SetValue(target, value);
        }
        return request;
    }

    /// <summary>The number of the request's first top-level string field, if it has one.</summary>
    public static int? FirstStringField(MethodDescriptor method) =>
        method.InputType.Fields.InFieldNumberOrder().FirstOrDefault(f => f.FieldType == FieldType.String)?.FieldNumber;

    private static IMessage New(MessageDescriptor descriptor) => (IMessage)Activator.CreateInstance(descriptor.ClrType)!;
}
