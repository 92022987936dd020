#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import RevalCore
import RevalFormats

/// The entries of a folder, by name, without `.` and `..`.
enum FolderListing {
    static func names(in folder: String) throws(InputError) -> [String] {
        guard let handle = opendir(folder) else {
            throw InputError(file: folder, message: "cannot read the folder: \(String(cString: strerror(errno)))")
        }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted(by: byteOrderLess)
    }
}
