namespace ReviewWorkflow.Workflow;
