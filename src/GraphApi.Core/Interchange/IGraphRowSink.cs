using GraphApi.Core.Domain;

namespace GraphApi.Core.Interchange;

/// <summary>Where a streamed read hands each checked row: every actor first, then every relationship, in file order.</summary>
public interface IGraphRowSink
{
    void Add(Actor actor);

    void Add(Relationship relationship);
}
