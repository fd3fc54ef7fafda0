namespace ReviewWorkflow.Directory;
