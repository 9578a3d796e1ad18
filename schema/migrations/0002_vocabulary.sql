-- The triage vocabulary (schema/vocabulary.ts INTENTS; a test keeps the two equal).
INSERT INTO intent_translations (intent_key, intent_en, intent_fr, category, position) VALUES
	('quote_request', 'Quote request', 'Demande de soumission', 'sales', 1),
	('service_inquiry', 'Service inquiry', 'Demande d''information sur un service', 'sales', 2),
	('booking_request', 'Booking request', 'Demande de rendez-vous', 'sales', 3),
	('support_request', 'Support request', 'Demande de soutien', 'service', 4),
	('partnership', 'B2B partnership', 'Partenariat B2B', 'sales', 5),
	('complaint', 'Complaint', 'Plainte', 'service', 6),
	('job_application', 'Job application', 'Candidature', 'people', 7),
	('vendor_pitch', 'Vendor pitch', 'Sollicitation commerciale', 'noise', 8),
	('billing', 'Billing question', 'Question de facturation', 'service', 9),
	('feedback', 'Feedback', 'Commentaire', 'service', 10),
	('general_question', 'General question', 'Question générale', 'service', 11),
	('spam', 'Spam', 'Pourriel', 'noise', 12)
ON CONFLICT (intent_key) DO UPDATE
	SET intent_en = excluded.intent_en, intent_fr = excluded.intent_fr,
		category = excluded.category, position = excluded.position;
