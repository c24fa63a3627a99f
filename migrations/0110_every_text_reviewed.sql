-- Every profile text is published only after a WSP reviewer approved it (docs/privacy.md): texts the
-- scrubber once passed as 'clean' go back to the review queue.
update candidates set profile_text_state = 'review' where profile_text_state = 'clean';
