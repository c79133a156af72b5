using AngleSharp.Dom;

namespace NewsFeedWorker.Parsing.Content;

/// <summary>
/// The one walk in document order, over nodes (<see cref="MoveNext"/>) or elements only (<see cref="NextElement"/>), and the
/// element facts the walkers test. Pages can nest thousands of levels deep, so nothing recurses; and it steps by child
/// index, because AngleSharp's <c>NextSibling</c> and <c>NextElementSibling</c> search the parent's child list on every
/// call (quadratic in wide parents).
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

    /// <summary>The next element, first descending into the current one's children unless <paramref name="skipChildren"/>.</summary>
    public IElement? NextElement(bool skipChildren = false)
    {
        var enter = !skipChildren;
        while (MoveNext(enter))
        {
            if (Current is IElement element)
            {
                return element;
            }

            enter = true;
        }

        return null;
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

    public static bool HasAncestor(IElement node, string localName, int maxDepth = int.MaxValue)
    {
        var depth = 0;
        for (var parent = node.ParentElement; parent is not null && depth < maxDepth; parent = parent.ParentElement, depth++)
        {
            if (parent.LocalName == localName)
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsHeading(string localName)
        => localName.Length == 2 && localName[0] == 'h' && localName[1] is >= '1' and <= '6';

    /// <summary>Elements that end a run of inline content (a div holding one is not a paragraph).</summary>
    public static bool IsBlock(string localName) => localName switch
    {
        "address" or "article" or "aside" or "blockquote" or "dd" or "details" or "dialog" or "div" or "dl" or "dt"
            or "fieldset" or "figcaption" or "figure" or "footer" or "form" or "header" or "hr" or "li" or "main"
            or "nav" or "ol" or "p" or "pre" or "section" or "table" or "ul" or "img" or "picture" or "video" => true,
        _ => IsHeading(localName),
    };

    public static string ClassAndId(IElement element)
    {
        var className = element.ClassName;
        var id = element.Id;
        if (string.IsNullOrEmpty(id))
        {
            return className ?? string.Empty;
        }

        return string.IsNullOrEmpty(className) ? id : string.Concat(className, " ", id);
    }
}
