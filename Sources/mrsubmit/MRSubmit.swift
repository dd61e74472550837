import BuiltinJobs
import MapReduceTool

/// `mrsubmit`: the tool of the built-in jobs, which every tracker has installed in `mrtask`.
@main
struct MRSubmit: JobTool {
    static let jobs = BuiltinJobs.all
    static let shipping = JobToolShipping.installedOnTrackers
}
