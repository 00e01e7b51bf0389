// Every ask a workspace owns (read before they are deleted with the workspace, for their audit entries).
MATCH (i:Introduction {workspace: $workspace})
RETURN i
ORDER BY i.id
