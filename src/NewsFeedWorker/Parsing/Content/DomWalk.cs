using AngleSharp.Dom;

namespace NewsFeedWorker.Parsing.Content;

/// <summary>
/// An iterative walk in document order. Pages can nest thousands of levels deep, so nothing recurses; and it steps
/// by child index, because AngleSharp's <c>NextSibling</c> searches the parent's child list on every call.
/// </summary>
internal sealed class DomWalk
{
    private readonly List<(INode Parent, int Index)> stack = [];
    private readonly Action<INode>? exited;

    /// <param name="root">The walk covers the nodes below it, not the root itself.</param>
    /// <param name="exited">Called with each node whose children have all been walked (or skipped), in closing order.</param>
    public DomWalk(INode root, Action<INode>? exited = null)
    {
        stack.Add((root, -1));
        this.exited = exited;
    }

    public INode Current { get; private set; } = null!;

    /// <summary>How many levels below the root <see cref="Current"/> is (its children are 1).</summary>
    public int Depth => stack.Count;

    /// <summary>Moves to the next node: into <see cref="Current"/>'s children when <paramref name="enterChildren"/>, else past them.</summary>
    public bool MoveNext(bool enterChildren = true)
    {
        if (Current is not null && enterChildren && Current.ChildNodes.Length > 0)
        {
            stack.Add((Current, 0));
            Current = Current.ChildNodes[0];
            return true;
        }

        if (Current is IElement)
        {
            exited?.Invoke(Current);
        }

        while (stack.Count > 0)
        {
            var (parent, index) = stack[^1];
            var children = parent.ChildNodes;
            if (index + 1 < children.Length)
            {
                stack[^1] = (parent, index + 1);
                Current = children[index + 1];
                return true;
            }

            stack.RemoveAt(stack.Count - 1);
            if (stack.Count > 0)
            {
                exited?.Invoke(parent);
            }
        }

        return false;
    }

    /// <summary>Removes <see cref="Current"/> from the tree; the next <see cref="MoveNext"/> goes on with what followed it.</summary>
    public void RemoveCurrent()
    {
        var (parent, index) = stack[^1];
        parent.RemoveChild(Current);
        stack[^1] = (parent, index - 1);
        Current = null!;
    }

    /// <summary>Every node below <paramref name="root"/> in document order.</summary>
    public static List<INode> Descendants(INode root)
    {
        var nodes = new List<INode>();
        var walk = new DomWalk(root);
        while (walk.MoveNext())
        {
            nodes.Add(walk.Current);
        }

        return nodes;
    }

    /// <summary>The depth of the deepest node; counting stops once <paramref name="limit"/> is passed.</summary>
    public static int MaxDepth(INode root, int limit)
    {
        var walk = new DomWalk(root);
        var max = 0;
        while (walk.MoveNext())
        {
            if (walk.Depth > max)
            {
                max = walk.Depth;
                if (max > limit)
                {
                    break;
                }
            }
        }

        return max;
    }
}
