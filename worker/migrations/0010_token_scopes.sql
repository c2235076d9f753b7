-- API tokens carry a scope (read or write) instead of acting with a role of their own (issue 15, H1): a read token
-- acts as a viewer, a write token with its maker's current role, and only while its maker is still a member.
-- Tokens that no person made (made with a token, before that was refused) are revoked: nobody answers for them.
ALTER TABLE api_tokens ADD COLUMN scope TEXT NOT NULL DEFAULT 'read' CHECK (scope IN ('read', 'write'));
UPDATE api_tokens SET scope = CASE WHEN role = 'viewer' THEN 'read' ELSE 'write' END;
UPDATE api_tokens SET revoked_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE created_by IS NULL AND revoked_at IS NULL;
CREATE INDEX api_tokens_creator ON api_tokens(org_id, created_by);
