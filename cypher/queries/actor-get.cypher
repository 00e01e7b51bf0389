// The actor as stored (no row when it does not exist): its revision for an If-Match check and its body for
// the audit entry of the change about to be made, or the actor a merge starts from.
MATCH (a:Actor {id: $id})
RETURN a
