-- Audit actions get one naming style, `subject-verb` in kebab-case (issue 12), so /beheer/audit can show
-- each in Dutch. Earlier rows are renamed to the new names; nothing else in them changes.
update audit_log set action = case action
	when 'login' then 'user-logged-in'
	when 'user-created-cli' then 'user-created'
	when 'case_task.done' then 'case-task-done'
	when 'employer.account_manager' then 'employer-contact-set'
	when 'interest_request.view' then 'interest-request-viewed'
	when 'interest_request.status' then 'interest-request-status-changed'
	when 'interest_request.contact' then 'interest-request-contacted'
	when 'interest_request.consent' then 'interest-request-consent-recorded'
	when 'interest_request.note' then 'interest-request-note-added'
	when 'interest_request.reply' then 'interest-request-replied'
	when 'interest_request.reassign' then 'interest-request-reassigned'
	when 'interest_request.step' then 'interest-request-step-recorded'
	when 'profile-text.approved' then 'profile-text-approved'
	when 'profile-text.rejected' then 'profile-text-rejected'
	when 'worklist.view' then 'worklist-viewed'
	when 'worklist.export' then 'worklist-exported'
	else action
end
where action in ('login', 'user-created-cli', 'case_task.done', 'employer.account_manager', 'interest_request.view',
	'interest_request.status', 'interest_request.contact', 'interest_request.consent', 'interest_request.note',
	'interest_request.reply', 'interest_request.reassign', 'interest_request.step', 'profile-text.approved',
	'profile-text.rejected', 'worklist.view', 'worklist.export');
